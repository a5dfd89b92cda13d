import type { Shopify } from '@shopify/shopify-api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { shopifyLibraryFor } from '../shopify/client';

export type Verification = { valid: true; topic: string; webhookId: string; eventId: string | null } | { valid: false; reason: string };

/**
 * Checks a delivery's `X-Shopify-Hmac-Sha256` with `@shopify/shopify-api`'s own validation (the HMAC
 * of the raw body with the app's client secret, compared in constant time). One library instance per
 * secret: custom apps have one secret per shop.
 */
export class WebhookVerifier {
  private readonly libraries = new Map<string, Shopify>();

  async verify(secret: string, rawBody: string, request: IncomingMessage, response: ServerResponse): Promise<Verification> {
    const result = await this.library(secret).webhooks.validate({ rawBody, rawRequest: request, rawResponse: response });
    if (!result.valid) return { valid: false, reason: result.reason };
    return { valid: true, topic: result.topic, webhookId: result.webhookId, eventId: 'eventId' in result ? (result.eventId ?? null) : null };
  }

  private library(secret: string): Shopify {
    let library = this.libraries.get(secret);
    if (!library) {
      library = shopifyLibraryFor(secret);
      this.libraries.set(secret, library);
    }
    return library;
  }
}
