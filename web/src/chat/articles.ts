/** Static demo content for the help-centre page (fictional company). */
export interface Article {
  id: string;
  title: string;
  summary: string;
  topic: TopicId;
}

export type TopicId = 'account' | 'billing' | 'integrations' | 'security';

export interface Topic {
  id: TopicId;
  title: string;
  description: string;
}

export const topics: Topic[] = [
  { id: 'account', title: 'Account & sign-in', description: 'Passwords, two-step sign-in, profiles and teams.' },
  { id: 'billing', title: 'Billing & plans', description: 'Invoices, payment methods, upgrades and refunds.' },
  { id: 'integrations', title: 'Integrations & API', description: 'Webhooks, API keys, Slack and Teams apps.' },
  { id: 'security', title: 'Security & privacy', description: 'Data residency, SSO, audit logs and compliance.' },
];

/** Titles and facts follow the sample knowledge base (samples/kb/articles) the bot answers from. */
export const articles: Article[] = [
  { id: 'reset-password', topic: 'account', title: 'Reset your password', summary: 'Click “Forgot password?” on the sign-in page; the reset link is valid for 60 minutes and works once.' },
  { id: 'set-up-two-factor-authentication', topic: 'account', title: 'Set up two-factor authentication', summary: 'Use an authenticator app or a security key; available on every plan, including Free.' },
  { id: 'invite-team-members', topic: 'account', title: 'Invite people to your workspace', summary: 'Invite by email or share an invite link, as a Member, Admin or Guest.' },
  { id: 'upgrade-plan', topic: 'billing', title: 'Upgrade your plan', summary: 'Upgrades take effect immediately; the owner and billing admins can change the plan.' },
  { id: 'download-invoices', topic: 'billing', title: 'Find and download invoices and receipts', summary: 'Every invoice is a PDF under Admin Console › Billing › Invoices.' },
  { id: 'payment-methods', topic: 'billing', title: 'Accepted payment methods', summary: 'Cards, PayPal, SEPA Direct Debit and, for larger annual subscriptions, bank transfer.' },
  { id: 'create-api-key', topic: 'integrations', title: 'Create and manage API keys', summary: 'Personal keys with scopes, on every plan; create them in Profile settings › API keys.' },
  { id: 'set-up-webhooks', topic: 'integrations', title: 'Set up webhooks', summary: 'Get notified when tasks, files or members change; Team, Business and Enterprise plans.' },
  { id: 'configure-saml-sso', topic: 'security', title: 'Set up SAML single sign-on', summary: 'Okta, Microsoft Entra ID, Google Workspace and more; Business and Enterprise plans.' },
  { id: 'data-residency', topic: 'security', title: 'Where your data is stored', summary: 'Each workspace lives in one region: the EU (Frankfurt) or the US (Virginia).' },
];

/** Case-insensitive match on title and summary; every word of the query must appear. */
export function searchArticles(query: string, list: readonly Article[] = articles): Article[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  return list.filter((a) => {
    const haystack = `${a.title} ${a.summary}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
