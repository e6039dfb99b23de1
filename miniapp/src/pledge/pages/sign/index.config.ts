export default definePageConfig({
  // Taro's H5 title bar cuts titles past ~5 characters: 承诺书 says it.
  navigationBarTitleText: '承诺书',
});
