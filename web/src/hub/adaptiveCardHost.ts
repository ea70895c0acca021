import { AdaptiveCard, HostConfig } from 'adaptivecards';

/** The hub's look for Adaptive Cards: page font, calm colours, compact spacing. */
export const hostConfig = new HostConfig({
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  supportsInteractivity: false,
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 0 },
  separator: { lineThickness: 1, lineColor: '#e3e8ef' },
  fontSizes: { small: 12, default: 14, medium: 15, large: 17, extraLarge: 20 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#00000000',
      foregroundColors: {
        default: { default: '#1b2430', subtle: '#5b6778' },
        accent: { default: '#0b5cad', subtle: '#3b7cc4' },
        attention: { default: '#b42318', subtle: '#c4554a' },
        good: { default: '#1e7b45', subtle: '#4a9a6a' },
        warning: { default: '#9a5b00', subtle: '#b07a2e' },
      },
    },
    emphasis: {
      backgroundColor: '#f6f8fb',
      foregroundColors: { default: { default: '#1b2430', subtle: '#5b6778' } },
    },
  },
});

// Customer text reaches the hub inside cards: never let the renderer turn it into HTML. Without a
// markdown processor every TextBlock is set with innerText.
AdaptiveCard.onProcessMarkdown = (_text, result) => {
  result.didProcess = false;
};

/**
 * The card rendered as a DOM element for display only (its actions are left out: the hub's own
 * buttons act on the handoff). Undefined when the card cannot be parsed.
 */
export function renderCard(json: Record<string, unknown>): HTMLElement | undefined {
  const { actions: _actions, selectAction: _selectAction, ...display } = json;
  const card = new AdaptiveCard();
  card.hostConfig = hostConfig;
  try {
    card.parse(display);
    return card.render();
  } catch {
    return undefined;
  }
}
