export default definePageConfig({
  navigationBarTitleText: '告知家庭结案',
});
