export { refreshShopInfo } from './refresh-shop-info';
export { shopLock } from './shop-lock';
