export default defineAppConfig({
  // The home page comes first: it sends a visitor without a session to the login page.
  pages: ['pages/home/index', 'pages/login/index'],
  subPackages: [
    {
      // Child records: loaded by workers and guardians, never needed by volunteers.
      root: 'children',
      pages: ['pages/list/index', 'pages/detail/index'],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['children'] },
  },
  window: {
    navigationBarBackgroundColor: '#ededed',
    navigationBarTextStyle: 'black',
    navigationBarTitleText: '守护',
    // Also draws Taro's title bar with a back button on H5, where there is no WeChat chrome.
    navigationStyle: 'default',
    backgroundColor: '#ededed',
    backgroundTextStyle: 'dark',
  },
});
