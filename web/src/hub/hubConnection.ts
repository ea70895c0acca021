import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { reconnectDelayMs } from './reconnectPolicy';
import type { CorrectionApplied, HandoffDetail, HandoffView, TeachResult, TranscriptItem } from './types';

export const AGENT_HUB_PATH = '/hubs/agents';

/** What the server pushes (contract names). */
export interface AgentHubEvents {
  handoffQueued: (view: HandoffView) => void;
  handoffChanged: (view: HandoffView) => void;
  customerMessage: (handoffId: number, item: TranscriptItem) => void;
  customerTyping: (handoffId: number) => void;
  transcriptItem: (handoffId: number, item: TranscriptItem) => void;
  correctionApplied: (correction: CorrectionApplied) => void;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Typed wrapper of the `/hubs/agents` SignalR connection (cookie-authenticated, same origin). */
export class AgentHubClient {
  readonly #connection: HubConnection;

  constructor(connection: HubConnection) {
    this.#connection = connection;
  }

  static create(url: string = AGENT_HUB_PATH): AgentHubClient {
    const connection = new HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelayMs(context.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    return new AgentHubClient(connection);
  }

  get connected(): boolean {
    return this.#connection.state === HubConnectionState.Connected;
  }

  start(): Promise<void> {
    return this.#connection.start();
  }

  stop(): Promise<void> {
    return this.#connection.stop();
  }

  /** Subscribes to a server event; returns the unsubscribe function. */
  on<K extends keyof AgentHubEvents>(name: K, handler: AgentHubEvents[K]): () => void {
    const h = handler as (...args: unknown[]) => void;
    this.#connection.on(name, h);
    return () => this.#connection.off(name, h);
  }

  onReconnecting(handler: () => void): void {
    this.#connection.onreconnecting(handler);
  }

  onReconnected(handler: () => void): void {
    this.#connection.onreconnected(handler);
  }

  onClose(handler: (error?: Error) => void): void {
    this.#connection.onclose(handler);
  }

  getQueue(): Promise<HandoffView[]> {
    return this.#connection.invoke<HandoffView[]>('GetQueue');
  }

  getHandoff(id: number): Promise<HandoffDetail> {
    return this.#connection.invoke<HandoffDetail>('GetHandoff', id);
  }

  take(id: number): Promise<HandoffDetail> {
    return this.#connection.invoke<HandoffDetail>('Take', id);
  }

  reply(id: number, text: string): Promise<string> {
    return this.#connection.invoke<string>('Reply', id, text);
  }

  typing(id: number): Promise<void> {
    return this.#connection.invoke('Typing', id);
  }

  resolve(id: number, note: string | null): Promise<HandoffView> {
    return this.#connection.invoke<HandoffView>('Resolve', id, note);
  }

  release(id: number): Promise<HandoffView> {
    return this.#connection.invoke<HandoffView>('Release', id);
  }

  transfer(id: number, agent: string | null, group: string | null): Promise<HandoffView> {
    return this.#connection.invoke<HandoffView>('Transfer', id, agent, group);
  }

  saveNote(id: number, note: string): Promise<void> {
    return this.#connection.invoke('SaveNote', id, note);
  }

  teach(question: string, answer: string, route: string, activityId: string | null): Promise<TeachResult> {
    return this.#connection.invoke<TeachResult>('Teach', question, answer, route, activityId);
  }
}

/**
 * The message of a failed hub call, fit to show: HubException messages arrive as
 * "An unexpected error occurred invoking 'Take' on the server. HubException: taken".
 */
export function hubErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const hubMessage = /HubException:\s*(.+)$/s.exec(raw)?.[1]?.trim();
  if (hubMessage === 'taken') return 'Someone else took this conversation first.';
  if (hubMessage) return hubMessage;
  if (/connection (is not|was not) in the 'Connected' State|disconnected/i.test(raw)) return 'Not connected to the hub. Reconnecting…';
  return 'That did not work. Try again.';
}
