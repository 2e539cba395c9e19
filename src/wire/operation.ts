// What serves one documented operation (by operationId): whoever owns it gives one, src/http/ dispatches to it.
import type { Request, Response } from "express";

export type OperationHandler = (req: Request, res: Response) => Promise<void> | void;
