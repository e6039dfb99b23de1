export default definePageConfig({
  navigationBarTitleText: '待办报告',
});
