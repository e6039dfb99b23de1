export default definePageConfig({
  navigationBarTitleText: '回访抽查',
});
