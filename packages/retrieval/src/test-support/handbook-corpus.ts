/** A small internal-style corpus for integration tests: one file per topic, in every built-in format. */
export const handbookCorpus: Record<string, string> = {
  'handbook/vacation.md': `# Vacation and Time Off

Full-time employees get 25 days of paid time off per year, on top of public holidays.
Part-time employees get a share in proportion to their hours.

## Requesting leave

Request leave in the HR portal at least two weeks ahead. Your manager answers within three working days.

## Carry-over

Up to five unused days carry over into the next year and expire on March 31.
`,
  'it/vpn.md': `# Connecting to the VPN

Everyone working outside the office connects to the company network through the WireGuard VPN.

## Installing the client

Install WireGuard from the self-service portal, then import the configuration file IT emailed you.

## Troubleshooting

If the connection drops every few minutes on your home network, switch your router from 5 GHz to 2.4 GHz Wi-Fi
or plug in a cable. Still dropping? Open a ticket with the service desk.
`,
  'security/passwords.md': `# Password Policy

Passwords must have a minimum length of 14 characters. Never reuse a password across services.

## Password manager

Store every work password in 1Password. The company pays for the family plan too.

## Multi-factor authentication

Turn on multi-factor authentication for email, source control and the HR portal.
`,
  'finance/expenses.html': `<!doctype html><html><head><title>Travel Expenses | Acme Intranet</title>
<script>trackPageView();</script></head><body>
<nav><a href="/">Home</a> <a href="/finance">Finance</a></nav>
<main><h1>Travel Expenses</h1>
<p>Business trips are booked through the travel desk. Hotels are reimbursed up to 180 EUR per night in most cities.</p>
<h2>Meals</h2><p>Meals on a business trip are covered up to 60 EUR per day; keep every receipt.</p>
<h2>Submitting a claim</h2><p>Submit the claim within 30 days of returning, with scanned receipts attached.</p>
</main><footer>Copyright Acme Corp</footer></body></html>`,
  'benefits/parental-leave.txt': `Parental leave

Parents of a new baby, by birth or adoption, receive 16 weeks of fully paid parental leave.
The leave can be split into two blocks within the child's first year.
Tell HR at least eight weeks before the leave starts.
`,
  'engineering/deploys.md': `# Deployment Guide

## Release windows

We ship to production on Tuesdays and Thursdays between 10:00 and 15:00. No deploys on Fridays or before public holidays.

## Rollbacks

Roll back with the deploy tool's revert command; it restores the previous release in under five minutes.
`,
};

/** The corpus as files: source path and bytes. */
export function handbookFiles(): { source: string; bytes: Uint8Array }[] {
  return Object.entries(handbookCorpus).map(([source, text]) => ({ source, bytes: new TextEncoder().encode(text) }));
}
