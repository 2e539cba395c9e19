// A stand-in identity provider: signing keys, and their JWKS served over HTTP on 127.0.0.1, counting fetches.
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import jwt from "jsonwebtoken";

export interface SigningKey {
  kid: string;
  alg: "RS256" | "ES256";
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function signingKey(alg: SigningKey["alg"] = "RS256"): SigningKey {
  const pair =
    alg === "RS256"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { kid: randomUUID(), alg, ...pair };
}

export const now = () => Math.floor(Date.now() / 1000);

/** A token of `key` valid for an hour, unless `claims` says otherwise. */
export const sign = (key: SigningKey, claims: object): string =>
  jwt.sign({ exp: now() + 3600, ...claims }, key.privateKey, { algorithm: key.alg, keyid: key.kid });

export class JwksServer {
  /** The keys the JWKS document lists now. */
  published: SigningKey[] = [];
  fetches = 0;
  private server: Server | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/jwks`;
  }

  publish(...keys: SigningKey[]): this {
    this.published = keys;
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (req.url !== "/jwks") return void res.writeHead(404).end();
      this.fetches++;
      const keys = this.published.map((key) => ({
        ...key.publicKey.export({ format: "jwk" }),
        kid: key.kid,
        alg: key.alg,
        use: "sig",
      }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys }));
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(this.port, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
