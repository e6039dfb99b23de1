/** Page paths in one place; the children pages sit in a subpackage that volunteers never download. */
export const routes = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  children: '/children/pages/list/index',
  child: (id: string) => `/children/pages/detail/index?id=${encodeURIComponent(id)}`,
};
