// How secrets are kept: passwords with argon2id, high-entropy tokens with SHA-256. Neither is ever read back.
import { createHash } from "node:crypto";
import { hash } from "@node-rs/argon2";

const ARGON2ID = 2;

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
