export { refreshShopInfo } from './refresh-shop-info';
