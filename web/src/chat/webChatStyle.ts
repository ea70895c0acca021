import type { StyleOptions } from 'botframework-webchat';

export const ACCENT = '#0b5cad';

/** Web Chat look for Northwind Cloud: brand accent, rounded bubbles, no avatars clutter. */
export const styleOptions: StyleOptions = {
  accent: ACCENT,
  primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  backgroundColor: '#ffffff',
  rootHeight: '100%',
  rootWidth: '100%',

  botAvatarInitials: 'NC',
  botAvatarBackgroundColor: ACCENT,
  userAvatarInitials: '',

  bubbleBackground: '#f1f4f9',
  bubbleBorderRadius: 12,
  bubbleBorderWidth: 0,
  bubbleFromUserBackground: ACCENT,
  bubbleFromUserTextColor: '#ffffff',
  bubbleFromUserBorderRadius: 12,
  bubbleFromUserBorderWidth: 0,
  bubbleNubSize: 0,
  bubbleFromUserNubSize: 0,
  bubbleMaxWidth: 560,

  cardEmphasisBackgroundColor: '#eef3fb',
  richCardWrapTitle: true,
  groupTimestamp: 5 * 60 * 1000,

  hideUploadButton: true,
  sendBoxButtonColor: ACCENT,
  sendBoxButtonColorOnHover: '#083f78',
  sendBoxBorderTop: 'solid 1px #e3e8ef',
  sendBoxHeight: 48,

  suggestedActionLayout: 'flow',
  suggestedActionBorderRadius: 16,
};
