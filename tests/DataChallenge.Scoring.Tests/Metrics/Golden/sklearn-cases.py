"""Writes sklearn-cases.jsonl: random small cases (ties, weights, absent classes) with scikit-learn 1.2 values.

Run with Debian's python3-sklearn (1.2.1): /usr/bin/python3 sklearn-cases.py
A value is null where sklearn raises or returns nan. Average precision where every positive has weight zero is null
too (the platform reports it as undefined); with no positive at all, sklearn warns and returns -0.0, as the platform does.
"""
import warnings, json; warnings.simplefilter("ignore")
import numpy as np
from sklearn.metrics import *
rng=np.random.default_rng(0)
out=[]
def safe(f):
    try:
        v=float(f())
        return None if np.isnan(v) else v
    except Exception: return None
for case in range(60):
    n=int(rng.integers(3,40))
    wkind=case%3
    w=None if wkind==0 else (rng.integers(0,4,n).astype(float) if wkind==1 else np.round(rng.random(n)*2,3))
    wl=None if w is None else w.tolist()
    # binary
    y=(rng.random(n)<rng.uniform(0.1,0.9)).astype(float)
    p=np.round(rng.random(n),int(rng.integers(1,3)))
    yp=(p>=0.5).astype(int)
    b=dict(kind="binary",truth=y.tolist(),proba=p.tolist(),weight=wl,
      auc=safe(lambda: roc_auc_score(y,p,sample_weight=w)),
      ap=safe(lambda: average_precision_score(y,p,sample_weight=w)) if y.sum()==0 or (y*(1 if w is None else w)).sum()>0 else None,
      ll=safe(lambda: log_loss(y,p,sample_weight=w,labels=[0,1])),brier=safe(lambda: brier_score_loss(y,p,sample_weight=w)),
      acc=safe(lambda: accuracy_score(y,yp,sample_weight=w)),f1=safe(lambda: f1_score(y,yp,sample_weight=w)),mcc=safe(lambda: matthews_corrcoef(y,yp,sample_weight=w)))
    out.append(b)
    # multiclass labels
    K=int(rng.integers(2,6)); L=list(range(K))
    t=rng.integers(0,K,n); q=np.where(rng.random(n)<0.5,t,rng.integers(0,K,n))
    out.append(dict(kind="mclabel",k=K,truth=t.tolist(),pred=q.tolist(),weight=wl,
      acc=safe(lambda: accuracy_score(t,q,sample_weight=w)),bacc=safe(lambda: balanced_accuracy_score(t,q,sample_weight=w)),
      f1ma=safe(lambda: f1_score(t,q,labels=L,average='macro',sample_weight=w)),f1mi=safe(lambda: f1_score(t,q,labels=L,average='micro',sample_weight=w)),
      f1w=safe(lambda: f1_score(t,q,labels=L,average='weighted',sample_weight=w)),
      kap=safe(lambda: cohen_kappa_score(t,q,labels=L,sample_weight=w)),lin=safe(lambda: cohen_kappa_score(t,q,labels=L,weights='linear',sample_weight=w)),
      quad=safe(lambda: cohen_kappa_score(t,q,labels=L,weights='quadratic',sample_weight=w))))
    # multiclass proba
    K=int(rng.integers(3,5))
    t=rng.integers(0,K,n); P=np.round(rng.random((n,K)),1)+0.01; P[np.arange(n),t]+=rng.random(n); P=np.round(P/P.sum(1,keepdims=True),4); P[:,-1]=np.round(1-P[:,:-1].sum(1),4)  # short decimals, rows still sum to 1
    out.append(dict(kind="mcproba",k=K,truth=t.tolist(),proba=P.ravel().tolist(),weight=wl,
      ll=safe(lambda: log_loss(t,P,labels=list(range(K)),sample_weight=w)),
      ma=safe(lambda: roc_auc_score(t,P,multi_class='ovr',average='macro',labels=list(range(K)),sample_weight=w)),
      wt=safe(lambda: roc_auc_score(t,P,multi_class='ovr',average='weighted',labels=list(range(K)),sample_weight=w)),
      acc=safe(lambda: accuracy_score(t,P.argmax(1),sample_weight=w))))
    # regression
    yt=np.round(rng.normal(size=n)*3,1); ypr=yt+np.round(rng.normal(size=n),1)
    out.append(dict(kind="reg",truth=yt.tolist(),pred=ypr.tolist(),weight=wl,
      mse=safe(lambda: mean_squared_error(yt,ypr,sample_weight=w)),rmse=safe(lambda: mean_squared_error(yt,ypr,sample_weight=w,squared=False)),
      mae=safe(lambda: mean_absolute_error(yt,ypr,sample_weight=w)),r2=safe(lambda: r2_score(yt,ypr,sample_weight=w)),
      mape=safe(lambda: mean_absolute_percentage_error(yt,ypr,sample_weight=w))))
    # multilabel
    Lc=int(rng.integers(2,5))
    Y=(rng.random((n,Lc))<0.4).astype(int); Pm=np.where(rng.random((n,Lc))<0.7,Y,1-Y); Q=np.round(np.clip(Y*0.3+rng.random((n,Lc))*0.7,0,1),1)
    out.append(dict(kind="ml",l=Lc,truth=Y.ravel().astype(float).tolist(),pred=Pm.ravel().astype(float).tolist(),proba=Q.ravel().tolist(),weight=wl,
      subset=safe(lambda: accuracy_score(Y,Pm,sample_weight=w)),ham=safe(lambda: hamming_loss(Y,Pm,sample_weight=w)),
      f1mi=safe(lambda: f1_score(Y,Pm,average='micro',sample_weight=w)),f1ma=safe(lambda: f1_score(Y,Pm,average='macro',sample_weight=w)),
      f1w=safe(lambda: f1_score(Y,Pm,average='weighted',sample_weight=w)),f1s=safe(lambda: f1_score(Y,Pm,average='samples',sample_weight=w)),
      jac=safe(lambda: jaccard_score(Y,Pm,average='samples',sample_weight=w)),
      aucma=safe(lambda: roc_auc_score(Y,Q,average='macro',sample_weight=w)),aucmi=safe(lambda: roc_auc_score(Y,Q,average='micro',sample_weight=w)),
      apma=safe(lambda: average_precision_score(Y,Q,average='macro',sample_weight=w)) if ((Y.sum(0)==0)|((Y*(1 if w is None else w[:,None])).sum(0)>0)).all() else None,
      mcll=safe(lambda: np.mean([log_loss(Y[:,j],Q[:,j],labels=[0,1],sample_weight=w) for j in range(Lc)]))))
with open("sklearn-cases.jsonl","w") as f:
    for o in out: f.write(json.dumps(o)+"\n")
print(len(out))
