export default definePageConfig({
  navigationBarTitleText: '儿童名单',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
