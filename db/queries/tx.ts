import type { Db } from "../client";

/** A transaction handle or the database itself: query helpers accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;
