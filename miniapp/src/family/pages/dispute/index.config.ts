export default definePageConfig({
  navigationBarTitleText: '走访异议',
});
