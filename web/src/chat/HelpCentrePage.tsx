import { useId, useMemo, useState } from 'react';
import { articles, searchArticles, topics, type TopicId } from './articles';
import { ChatPanel } from './ChatPanel';

export function HelpCentrePage() {
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState<TopicId | undefined>();
  const [chatOpen, setChatOpen] = useState(true);
  // Mounted on first open, then kept (hidden) so minimising does not lose the conversation.
  const [chatMounted, setChatMounted] = useState(true);
  const searchId = useId();

  const results = useMemo(
    () => searchArticles(query).filter((a) => (topic ? a.topic === topic : true)),
    [query, topic],
  );

  const openChat = () => {
    setChatMounted(true);
    setChatOpen(true);
  };

  return (
    <div className="nw-page">
      <header className="nw-header">
        <div className="nw-container nw-header__inner">
          <a className="nw-logo" href="/" aria-label="Northwind Cloud help centre home">
            <span className="nw-logo__mark" aria-hidden="true">N</span>
            <span>
              Northwind Cloud <span className="nw-logo__sub">Help Centre</span>
            </span>
          </a>
          <nav aria-label="Main" className="nw-nav">
            <a href="#topics">Topics</a>
            <a href="#articles">Articles</a>
            <a href="#contact">Contact</a>
          </nav>
        </div>
      </header>

      <main>
        <section className="nw-hero">
          <div className="nw-container">
            <h1>How can we help?</h1>
            <p>Search our guides, or ask the Northwind assistant — it answers in seconds and hands you to a person when it should.</p>
            <form className="nw-search" role="search" onSubmit={(e) => e.preventDefault()}>
              <label htmlFor={searchId} className="nw-visually-hidden">
                Search the help centre
              </label>
              <input
                id={searchId}
                type="search"
                placeholder="Search articles, e.g. “invoice” or “API key”"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </form>
          </div>
        </section>

        <section id="topics" className="nw-container nw-section" aria-labelledby="topics-title">
          <h2 id="topics-title">Browse by topic</h2>
          <ul className="nw-topics">
            {topics.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="nw-topic"
                  aria-pressed={topic === t.id}
                  onClick={() => setTopic((current) => (current === t.id ? undefined : t.id))}
                >
                  <TopicIcon topic={t.id} />
                  <span className="nw-topic__title">{t.title}</span>
                  <span className="nw-topic__desc">{t.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section id="articles" className="nw-container nw-section" aria-labelledby="articles-title">
          <h2 id="articles-title">{query || topic ? `Articles (${results.length})` : 'Popular articles'}</h2>
          {results.length === 0 ? (
            <p className="nw-empty">
              No articles match. <button type="button" className="nw-link" onClick={openChat}>Ask the assistant instead</button>.
            </p>
          ) : (
            <ul className="nw-articles">
              {results.map((a) => (
                <li key={a.id} className="nw-article">
                  <h3>{a.title}</h3>
                  <p>{a.summary}</p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section id="contact" className="nw-container nw-section nw-contact">
          <h2>Still need help?</h2>
          <p>Our assistant knows every article here ({articles.length} and counting) and can bring in a member of the support team.</p>
          <button type="button" className="nw-button" onClick={openChat}>
            Chat with us
          </button>
        </section>
      </main>

      <footer className="nw-footer">
        <div className="nw-container">© Northwind Cloud (a fictional company) · Demo help centre</div>
      </footer>

      {chatOpen ? null : (
        <button type="button" className="nw-launcher" onClick={openChat} aria-label="Open chat with Northwind support">
          <ChatIcon />
        </button>
      )}

      {chatMounted ? (
        <aside className="nw-chat-panel" hidden={!chatOpen} aria-label="Chat with Northwind support">
          <div className="nw-chat-panel__header">
            <div>
              <div className="nw-chat-panel__title">Northwind Assistant</div>
              <div className="nw-chat-panel__subtitle">Answers from our help centre</div>
            </div>
            <button type="button" className="nw-icon-button" onClick={() => setChatOpen(false)} aria-label="Minimise chat">
              <span aria-hidden="true">–</span>
            </button>
          </div>
          <div className="nw-chat-panel__body">
            <ChatPanel />
          </div>
        </aside>
      ) : null}
    </div>
  );
}

/** Simple line icons (no emoji: headless browsers and some desktops lack the fonts). */
const TOPIC_ICON_PATHS: Record<TopicId, string> = {
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0',
  billing: 'M3 6h18v12H3zM3 10h18M7 15h4',
  integrations: 'M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4',
  security: 'M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z',
};

function TopicIcon({ topic }: { topic: TopicId }) {
  return (
    <span className="nw-topic__icon" aria-hidden="true">
      <svg width="24" height="24" viewBox="0 0 24 24" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d={TOPIC_ICON_PATHS[topic]} />
      </svg>
    </span>
  );
}

export function ChatIcon() {
  return (
    <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 3C6.5 3 2 6.6 2 11c0 2.3 1.2 4.4 3.2 5.9L4.5 21l4.4-2.4c1 .3 2 .4 3.1.4 5.5 0 10-3.6 10-8s-4.5-8-10-8Z"
      />
    </svg>
  );
}
