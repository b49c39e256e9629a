import { MongoClient, type Db } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { freshDbUri } from '../support/db.js';

/** True when the suite runs against a real MongoDB (MONGODB_URI) rather than the embedded store. */
export const realMongo = Boolean(process.env.MONGODB_URI);

/** A raw driver client and a mongoose connection on one fresh database. */
export async function openStoreDb(prefix: string): Promise<{ client: MongoClient; db: Db; conn: Connection; close(): Promise<void> }> {
  const { uri, dbName } = freshDbUri(prefix);
  const client = await MongoClient.connect(uri);
  const conn = await mongoose.createConnection(uri).asPromise();
  return {
    client,
    db: client.db(dbName),
    conn,
    close: async () => {
      await conn.close();
      await client.close();
    },
  };
}
