import { closeDb, DB_NAME } from '@/lib/log/db';

/** Starts a test from an empty log: drops the module's connection and deletes the database. */
export async function freshLog(): Promise<void> {
  closeDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}
