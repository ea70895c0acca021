import { useEffect, useRef, useState } from 'react';
import { renderCard } from './adaptiveCardHost';

export interface AdaptiveCardViewProps {
  card: Record<string, unknown>;
  /** Shown instead when the card cannot be rendered. */
  fallback: string;
}

/** An Adaptive Card through the official renderer, in a container React does not otherwise touch. */
export function AdaptiveCardView({ card, fallback }: AdaptiveCardViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const rendered = renderCard(card);
    setFailed(!rendered);
    element.replaceChildren(...(rendered ? [rendered] : []));
    return () => element.replaceChildren();
  }, [card]);

  return (
    <>
      <div ref={container} className="hub-card__adaptive" />
      {failed ? <p className="hub-card__summary">{fallback}</p> : null}
    </>
  );
}
