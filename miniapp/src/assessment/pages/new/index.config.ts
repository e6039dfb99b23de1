export default definePageConfig({
  navigationBarTitleText: '监护评估',
});
