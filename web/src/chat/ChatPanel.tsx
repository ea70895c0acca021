import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { ChatTokenError, fetchChatToken, type ChatToken } from '../shared/chatToken';
import { forgetUserId, loadUserId, saveUserId } from '../shared/userIdStore';
import type { ConnectionProblem, WebChatViewProps } from './WebChatView';

/** Web Chat is ~3 MB: a separate chunk, fetched in parallel with the token. */
const loadWebChat = () => import('./WebChatView');

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; chat: ChatToken; attempt: number; View: ComponentType<WebChatViewProps> }
  | { kind: 'error'; title?: string; message: string; detail?: string | undefined; action?: string };

const CONNECTION_PROBLEMS: Record<ConnectionProblem, Omit<Extract<State, { kind: 'error' }>, 'kind'>> = {
  'failed-to-connect': { message: 'We could not connect to our assistant.' },
  ended: { title: 'This conversation has ended.', message: 'You can start a new one any time.', action: 'Start a new conversation' },
};

async function startChat(userName: string | undefined, signal: AbortSignal): Promise<ChatToken> {
  const storedUserId = loadUserId();
  try {
    return await fetchChatToken({ userId: storedUserId, userName, signal });
  } catch (error) {
    // The host may no longer know a stored id (or reject it): start over as a new visitor once.
    if (storedUserId && error instanceof ChatTokenError && error.kind === 'rejected') {
      forgetUserId();
      return await fetchChatToken({ userName, signal });
    }
    throw error;
  }
}

export interface ChatPanelProps {
  userName?: string | undefined;
}

/** Gets a token from the host, then shows Web Chat; a polite error with a retry otherwise. */
export function ChatPanel({ userName }: ChatPanelProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    // Token request and Web Chat chunk in parallel.
    Promise.all([startChat(userName, controller.signal), loadWebChat()]).then(
      ([chat, module]) => {
        if (controller.signal.aborted) return;
        saveUserId(chat.userId);
        setState({ kind: 'ready', chat, attempt, View: module.default });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        console.warn('Chat could not start:', error);
        const message =
          error instanceof ChatTokenError ? error.message : 'Something went wrong while starting the chat.';
        const detail =
          error instanceof ChatTokenError && error.retryAfterSeconds
            ? `You can try again in about ${Math.max(1, Math.round(error.retryAfterSeconds))} seconds.`
            : undefined;
        setState({ kind: 'error', message, detail });
      },
    );
    return () => controller.abort();
  }, [attempt, userName]);

  const onConnectionProblem = useCallback((problem: ConnectionProblem) => {
    setState({ kind: 'error', ...CONNECTION_PROBLEMS[problem] });
  }, []);

  const retry = () => setAttempt((n) => n + 1);

  if (state.kind === 'error') {
    return (
      <div className="nw-chat-status nw-chat-status--error" role="alert" data-testid="chat-error">
        <p className="nw-chat-status__title">{state.title ?? 'Sorry, our chat is unavailable right now.'}</p>
        <p>{state.message}</p>
        {state.detail ? <p>{state.detail}</p> : null}
        <p>
          You can also browse the articles on this page or email{' '}
          <a href="mailto:support@northwind.example">support@northwind.example</a>.
        </p>
        <button type="button" className="nw-button" onClick={retry} data-testid="chat-retry">
          {state.action ?? 'Try again'}
        </button>
      </div>
    );
  }

  const spinner = (
    <div className="nw-chat-status" role="status" aria-live="polite" data-testid="chat-loading">
      <span className="nw-spinner" aria-hidden="true" />
      <p>Connecting you to our assistant…</p>
    </div>
  );

  if (state.kind === 'loading') return spinner;

  const { View } = state;
  return (
    <View
      key={`${state.chat.conversationId}:${state.attempt}`}
      token={state.chat.token}
      userName={userName}
      onConnectionProblem={onConnectionProblem}
    />
  );
}
