import { ChatPanel } from './ChatPanel';
import { EMBED_CLOSE_MESSAGE } from './chatConfig';

/** The chat alone, filling the iframe that public/embed.js puts on other sites. */
export function EmbeddedChat({ userName }: { userName: string | undefined }) {
  const close = () => {
    // The parent checks the sender's origin; the message itself carries nothing sensitive.
    window.parent.postMessage({ type: EMBED_CLOSE_MESSAGE }, '*');
  };
  const framed = window.parent !== window;

  return (
    <div className="nw-chat-panel nw-chat-panel--embedded" aria-label="Chat with Northwind support" role="region">
      <div className="nw-chat-panel__header">
        <div>
          <div className="nw-chat-panel__title">Northwind Assistant</div>
          <div className="nw-chat-panel__subtitle">Answers from our help centre</div>
        </div>
        {framed ? (
          <button type="button" className="nw-icon-button" onClick={close} aria-label="Close chat">
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      <div className="nw-chat-panel__body">
        <ChatPanel userName={userName} />
      </div>
    </div>
  );
}
