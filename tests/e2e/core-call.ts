import type { Page } from '@playwright/test';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contract/channels.ts';

/**
 * A call to the core over the bridge, with the run's access token (the app's own transport): how
 * a spec sets up data of its own, or reads the figures a screen must show.
 */
export const callCore = async <C extends ChannelName>(
  page: Page,
  appUrl: string,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> => {
  const url = new URL(appUrl);
  const token = new URLSearchParams(url.hash.replace(/^#/, '')).get('token');
  const response = await page.request.post(`${url.origin}/api/call`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { channel, input },
  });
  const envelope = (await response.json()) as
    { ok: true; data: OutputOf<C> } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data;
};
