export { addItemsToShopify } from './add-items';
export { createSalesDocuments } from './create-sales-documents';
export { postSalesDocuments, postSalesInvoices } from './post-documents';
export { refreshShopInfo } from './refresh-shop-info';
export { shopLock } from './shop-lock';
export { syncOrders } from './sync-orders';
export { syncPayments } from './sync-payments';
export { syncShipments } from './sync-shipments';
export { syncProducts } from './sync-products';
