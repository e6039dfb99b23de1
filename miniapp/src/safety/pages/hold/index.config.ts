export default definePageConfig({
  navigationBarTitleText: '记录开展',
});
