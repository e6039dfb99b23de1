export default definePageConfig({
  navigationBarTitleText: '定期评估',
});
