export default definePageConfig({
  navigationBarTitleText: '制定计划',
});
