import type { CustomerFieldsFragment } from '../types/admin.generated';

/**
 * Customers, read a page at a time with every field the mapping needs (the connector reads a page of
 * 200 ids, then one request per customer). E-mail and phone come from `defaultEmailAddress` and
 * `defaultPhoneNumber`: `Customer.email` and `.phone` are deprecated in 2026-10.
 */

/** Customers per request: 100 with their default and 3 other addresses ask 902 points, under Shopify's 1,000 per query. */
export const CUSTOMERS_PER_PAGE = 100;
/**
 * Other addresses read per customer (`addressesV2`, a connection: `addresses` is deprecated in 2026-10):
 * the default one is read on its own; the first other stands in when there is none.
 */
export const CUSTOMER_ADDRESSES = 3;

export const CUSTOMER_ADDRESS_FRAGMENT = `#graphql
  fragment CustomerAddressFields on MailingAddress {
    id
    firstName
    lastName
    company
    address1
    address2
    city
    zip
    province
    provinceCode
    countryCodeV2
    phone
  }
` as const;

export const CUSTOMER_FRAGMENT = `#graphql
  fragment CustomerFields on Customer {
    id
    firstName
    lastName
    defaultEmailAddress { emailAddress }
    defaultPhoneNumber { phoneNumber }
    note
    tags
    taxExempt
    createdAt
    updatedAt
    defaultAddress { ...CustomerAddressFields }
    addressesV2(first: $addresses) { nodes { ...CustomerAddressFields } }
  }
  ${CUSTOMER_ADDRESS_FRAGMENT}
` as const;

export const CUSTOMERS_PAGE_QUERY = `#graphql
  query CustomersPage($first: Int!, $after: String, $query: String, $addresses: Int!) {
    customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes { ...CustomerFields }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${CUSTOMER_FRAGMENT}
` as const;

/** Who in Shopify already has an e-mail or phone ("add customers" must not make a second one). */
export const CUSTOMERS_MATCHING_QUERY = `#graphql
  query CustomersMatching($query: String!) {
    customers(first: 5, query: $query) {
      nodes { id createdAt defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
    }
  }
` as const;

/** Creates a customer (no identifier) or updates one by id; omitted fields stay as they are. */
export const CUSTOMER_SET = `#graphql
  mutation CustomerSet($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers, $addresses: Int!) {
    customerSet(input: $input, identifier: $identifier) {
      customer { ...CustomerFields }
      userErrors { field message code }
    }
  }
  ${CUSTOMER_FRAGMENT}
` as const;

/** The default address changes on its own: `customerSet` would replace the whole address list. */
export const CUSTOMER_ADDRESS_UPDATE = `#graphql
  mutation CustomerAddressUpdate($customerId: ID!, $addressId: ID!, $address: MailingAddressInput!) {
    customerAddressUpdate(customerId: $customerId, addressId: $addressId, address: $address, setAsDefault: true) {
      address { id }
      userErrors { field message }
    }
  }
` as const;

export const CUSTOMER_ADDRESS_CREATE = `#graphql
  mutation CustomerAddressCreate($customerId: ID!, $address: MailingAddressInput!) {
    customerAddressCreate(customerId: $customerId, address: $address, setAsDefault: true) {
      address { id }
      userErrors { field message }
    }
  }
` as const;

export type RawCustomer = CustomerFieldsFragment;
