export default definePageConfig({
  navigationBarTitleText: '集体活动',
});
