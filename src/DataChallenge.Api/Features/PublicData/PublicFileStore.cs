using DataChallenge.Api.Http;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.PublicData;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.PublicData;

/// <summary>Stores a public file's bytes, then records it (insert or replace).</summary>
public sealed class PublicFileStore(DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, TimeProvider clock)
{
    public async Task<PublicFile> SaveAsync(Guid challengeId, string name, string description, SpooledUpload upload, CancellationToken cancellationToken)
    {
        var key = PublicFile.KeyOf(challengeId, name);
        await store.PutAsync(storeOptions.Value.Buckets.PublicData, key, upload.File, upload.Length, "application/octet-stream", cancellationToken);
        var file = await db.PublicFiles.FirstOrDefaultAsync(f => f.ChallengeId == challengeId && f.Name == name, cancellationToken);
        if (file is null)
        {
            file = new PublicFile { ChallengeId = challengeId, Name = name, ObjectKey = key, Sha256 = upload.Sha256 };
            db.PublicFiles.Add(file);
        }
        file.Description = description;
        file.SizeBytes = upload.Length;
        file.Sha256 = upload.Sha256;
        file.UploadedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }
}
