import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { currentAgent } from './api';
import { AgentHubClient, hubErrorMessage, type ConnectionStatus } from './hubConnection';
import { hubReducer, initialHubState, type HubState } from './hubState';
import type { Agent, HandoffDetail, HandoffView, TeachResult } from './types';

/** How long "customer is typing" shows after the last typing signal. */
const CUSTOMER_TYPING_MS = 4_000;

const SESSION_CHECK_MS = 15_000;

export interface HubActions {
  take(id: number): Promise<void>;
  open(id: number): Promise<void>;
  close(): void;
  reply(text: string): Promise<boolean>;
  typing(): void;
  resolve(note: string | null): Promise<void>;
  release(): Promise<void>;
  transfer(agent: string | null, group: string | null): Promise<void>;
  saveNote(note: string): Promise<void>;
  teach(question: string, answer: string, route: string, activityId: string | null): Promise<TeachResult>;
  reconnect(): void;
  dismissNotice(): void;
}

export interface AgentHub {
  state: HubState;
  status: ConnectionStatus;
  actions: HubActions;
}

/**
 * The live hub for a signed-in agent: one SignalR connection, the queue and the open conversation,
 * kept current from server events; queue and open conversation reloaded after every reconnect.
 */
export function useAgentHub(me: Agent, onSignedOut: () => void): AgentHub {
  const [state, dispatch] = useReducer(hubReducer, me, initialHubState);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [generation, setGeneration] = useState(0);
  const client = useRef<AgentHubClient | null>(null);
  const openId = useRef<number | null>(null);
  openId.current = state.conversation?.view.id ?? null;

  useEffect(() => {
    const hub = AgentHubClient.create();
    client.current = hub;
    let stopped = false;
    const changed = (view: HandoffView) => dispatch({ type: 'handoffChanged', view, now: Date.now() });
    hub.on('handoffQueued', changed);
    hub.on('handoffChanged', changed);
    hub.on('customerMessage', (handoffId, item) => dispatch({ type: 'transcriptItem', handoffId, item, fromCustomer: true }));
    hub.on('transcriptItem', (handoffId, item) =>
      dispatch({ type: 'transcriptItem', handoffId, item, fromCustomer: item.from === 'customer' }),
    );
    hub.on('customerTyping', (handoffId) => dispatch({ type: 'customerTyping', handoffId, until: Date.now() + CUSTOMER_TYPING_MS }));
    hub.on('correctionApplied', (correction) => dispatch({ type: 'correctionApplied', correction }));

    const refresh = async () => {
      const views = await hub.getQueue();
      if (stopped) return;
      dispatch({ type: 'queueLoaded', views, now: Date.now() });
      const id = openId.current;
      if (id !== null) {
        const detail = await hub.getHandoff(id);
        if (!stopped) dispatch({ type: 'conversationOpened', detail, now: Date.now() });
      }
    };
    const refreshOrSay = () =>
      refresh().catch((error: unknown) => {
        if (!stopped) dispatch({ type: 'notice', text: `Could not load the queue: ${hubErrorMessage(error)}` });
      });

    hub.onReconnecting(() => setStatus('reconnecting'));
    hub.onReconnected(() => {
      setStatus('connected');
      void refreshOrSay();
    });
    hub.onClose(() => {
      if (!stopped) setStatus('disconnected');
    });

    setStatus('connecting');
    hub.start().then(
      () => {
        if (stopped) return;
        setStatus('connected');
        void refreshOrSay();
      },
      async () => {
        if (stopped) return;
        setStatus('disconnected');
        // A refused negotiation usually means the sign-in cookie expired.
        const agent = await currentAgent().catch(() => undefined);
        if (!stopped && agent === null) onSignedOut();
      },
    );
    return () => {
      stopped = true;
      client.current = null;
      void hub.stop();
    };
  }, [me, generation, onSignedOut]);

  // While reconnecting, make sure the session itself did not end (a restarted host may not know the cookie).
  useEffect(() => {
    if (status !== 'reconnecting') return;
    const timer = setInterval(() => {
      currentAgent().then(
        (agent) => agent === null && onSignedOut(),
        () => undefined,
      );
    }, SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, [status, onSignedOut]);

  const run = useCallback(async <T,>(call: (hub: AgentHubClient) => Promise<T>): Promise<T> => {
    const hub = client.current;
    if (!hub) throw new Error('Not connected to the hub.');
    try {
      return await call(hub);
    } catch (error) {
      dispatch({ type: 'notice', text: hubErrorMessage(error) });
      throw error;
    }
  }, []);

  const opened = useCallback((detail: HandoffDetail) => {
    openId.current = detail.id;
    dispatch({ type: 'conversationOpened', detail, now: Date.now() });
  }, []);

  const actions = useMemo<HubActions>(() => {
    const withOpen = async <T,>(call: (hub: AgentHubClient, id: number) => Promise<T>): Promise<T> => {
      const id = openId.current;
      if (id === null) throw new Error('No conversation is open.');
      return run((hub) => call(hub, id));
    };
    const changed = (view: HandoffView) => dispatch({ type: 'handoffChanged', view, now: Date.now() });
    return {
      take: async (id) => opened(await run((hub) => hub.take(id))),
      open: async (id) => opened(await run((hub) => hub.getHandoff(id))),
      close: () => {
        openId.current = null;
        dispatch({ type: 'conversationClosed' });
      },
      reply: async (text) => {
        const handoffId = openId.current;
        if (handoffId === null) return false;
        try {
          const activityId = await run((hub) => hub.reply(handoffId, text));
          const item = { id: activityId, from: 'agent' as const, name: me.displayName, text, timestamp: new Date().toISOString(), answer: null };
          dispatch({ type: 'transcriptItem', handoffId, item, fromCustomer: false, provisional: true });
          return true;
        } catch {
          return false;
        }
      },
      typing: () => {
        const id = openId.current;
        if (id !== null && client.current?.connected) client.current.typing(id).catch(() => undefined);
      },
      resolve: async (note) => changed(await withOpen((hub, id) => hub.resolve(id, note))),
      release: async () => changed(await withOpen((hub, id) => hub.release(id))),
      transfer: async (agent, group) => changed(await withOpen((hub, id) => hub.transfer(id, agent, group))),
      saveNote: (note) => withOpen((hub, id) => hub.saveNote(id, note)),
      teach: (question, answer, route, activityId) => run((hub) => hub.teach(question, answer, route, activityId)),
      reconnect: () => setGeneration((g) => g + 1),
      dismissNotice: () => dispatch({ type: 'notice', text: null }),
    };
  }, [me, run, opened]);

  return { state, status, actions };
}
