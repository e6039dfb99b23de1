export default definePageConfig({
  navigationBarTitleText: '跟进走访',
});
