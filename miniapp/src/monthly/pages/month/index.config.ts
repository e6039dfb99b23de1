export default definePageConfig({
  navigationBarTitleText: '月度汇报',
});
