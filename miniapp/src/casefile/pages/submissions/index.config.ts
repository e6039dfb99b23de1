export default definePageConfig({
  navigationBarTitleText: '档案报送',
});
