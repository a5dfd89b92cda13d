import { ApiVersion } from '@shopify/shopify-api';

/** The one place the Admin GraphQL API version is set. */
export const ADMIN_API_VERSION = ApiVersion.October26;
