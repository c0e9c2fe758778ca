import { readBlobs, readLogHistory } from '../history/git.js';
import { blobsOf, gitBlobId, statusHistory, statusOfRecord, statusOfText, type StatusTransition, type VersionStatus } from '../history/status-history.js';
import type { LoadedRecord } from './read-log.js';
import type { RecordCache } from './record-cache.js';

/**
 * The status changes of one record seen in the git history of its log folder, oldest first
 * (as the site's record page shows them). Reads git: one `git log` of the folder (only newer
 * commits when the cache holds a snapshot) and one `git cat-file --batch` for the old versions.
 *
 * @param dir - absolute path of the record's log folder.
 * @returns empty outside git, in a shallow clone or for an uncommitted record.
 * @throws AdrkitError `git` when git fails on a readable repository.
 */
export async function readStatusHistory(dir: string, loaded: LoadedRecord, options: { cache?: RecordCache } = {}): Promise<StatusTransition[]> {
  const cache = options.cache;
  const snapshot = cache?.history(dir);
  const history = await readLogHistory(dir, [loaded.record.path], { incremental: Boolean(cache), snapshot });
  if (!history.repo || history.repo.shallow) return [];
  const own = history.records.get(loaded.record.path);
  if (!own || own.versions.length === 0) return [];
  const statuses = new Map<string, VersionStatus | undefined>([[loaded.blobId ?? gitBlobId(loaded.text), statusOfRecord(loaded.record)]]);
  const blobs = await readBlobs(history.repo.root, blobsOf([own], statuses));
  for (const [id, text] of blobs) statuses.set(id, statusOfText(loaded.record.path, text));
  return statusHistory(own, (version) => statuses.get(version.blob));
}
