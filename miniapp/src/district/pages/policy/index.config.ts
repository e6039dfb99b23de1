export default definePageConfig({
  navigationBarTitleText: '走访规则与受理时限',
});
