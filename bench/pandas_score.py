"""The pandas + scikit-learn reference: read both files, align by id, compute the metric."""
import sys

import pandas as pd
from sklearn import metrics

case, labels_path, predictions_path = sys.argv[1:4]
labels = pd.read_csv(labels_path)
predictions = pd.read_csv(predictions_path)
merged = labels.merge(predictions, on="id", how="inner", suffixes=("_true", "_pred"), validate="one_to_one")
if len(merged) != len(labels) or len(merged) != len(predictions):
    sys.exit("ids differ between the files")
if case.startswith("binary"):
    value = metrics.roc_auc_score(merged["target_true"], merged["target_pred"])
elif case.startswith("multiclass"):
    classes = [c for c in predictions.columns if c != "id"]
    value = metrics.log_loss(merged["label"], merged[classes].to_numpy(), labels=classes)
else:
    value = metrics.mean_squared_error(merged["y_true"], merged["y_pred"], squared=False)
print(repr(value))
