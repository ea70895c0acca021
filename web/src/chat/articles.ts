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

export const articles: Article[] = [
  { id: 'reset-password', topic: 'account', title: 'How do I reset my password?', summary: 'Use “Forgot password” on the sign-in page; the link is valid for 30 minutes.' },
  { id: 'two-step', topic: 'account', title: 'Turn on two-step sign-in', summary: 'Protect your workspace with an authenticator app or a security key.' },
  { id: 'invite-team', topic: 'account', title: 'Invite people to your workspace', summary: 'Owners and admins can invite members by email or with a link.' },
  { id: 'change-plan', topic: 'billing', title: 'Change or cancel your plan', summary: 'Switch between Starter, Team and Enterprise at any time; changes are prorated.' },
  { id: 'invoices', topic: 'billing', title: 'Download invoices and receipts', summary: 'Every invoice is available as a PDF under Billing → History.' },
  { id: 'payment-methods', topic: 'billing', title: 'Accepted payment methods', summary: 'Cards, SEPA direct debit and, on annual plans, bank transfer.' },
  { id: 'api-keys', topic: 'integrations', title: 'Create and rotate API keys', summary: 'Scoped keys with expiry dates; rotate without downtime.' },
  { id: 'webhooks', topic: 'integrations', title: 'Receive events with webhooks', summary: 'Signed deliveries with automatic retries for 24 hours.' },
  { id: 'sso', topic: 'security', title: 'Set up single sign-on (SAML / OIDC)', summary: 'Available on Enterprise; works with Entra ID, Okta and Google.' },
  { id: 'data-residency', topic: 'security', title: 'Where is my data stored?', summary: 'Choose EU or US data residency when you create a workspace.' },
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
