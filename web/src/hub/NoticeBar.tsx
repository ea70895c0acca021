export interface NoticeBarProps {
  notice: string | null;
  onDismiss: () => void;
}

/** Things the agent should notice (lost handoffs, failed calls), read out by screen readers. */
export function NoticeBar({ notice, onDismiss }: NoticeBarProps) {
  return (
    <div className="hub-notice-area" role="status" aria-live="polite">
      {notice ? (
        <div className="hub-notice">
          <span>{notice}</span>
          <button type="button" className="hub-button hub-button--quiet" onClick={onDismiss} aria-label="Dismiss notice">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
