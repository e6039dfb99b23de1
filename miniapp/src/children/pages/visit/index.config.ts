export default definePageConfig({
  navigationBarTitleText: '走访详情',
});
