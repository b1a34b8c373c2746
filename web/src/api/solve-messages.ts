import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * What the client sends to `/v1/solve`. The generated `SolveRequest` has every field optional (the server
 * answers a missing one with an error message); this is the stricter pair of shapes the SPA sends.
 */
export type SolveRequest =
  | { challenge_id: string; language: string; code: string }
  | { submission_id: string; after_sequence?: number };

/** Messages of the `/v1/solve` WebSocket, generated from the OpenAPI document (`SolveServerMessage`). */
export type SolveMessage = Schemas['SolveServerMessage'];

export type AcceptedMessage = Schemas['AcceptedMessage'];
export type LoopStartMessage = Schemas['LoopStartMessage'];
export type AgentStartMessage = Schemas['AgentStartMessage'];
/** A finding: the Investigate agent's issues, or the Check agent's summary. */
export type FindingMessage = Schemas['InvestigationFindingMessage'] | Schemas['CheckFindingMessage'];
export type CheckResultMessage = Schemas['CheckResultMessage'];
export type CompleteMessage = Schemas['CompleteMessage'];
export type CompletedSubmission = CompleteMessage['submission'];
export type ErrorMessage = Schemas['SocketError'];
