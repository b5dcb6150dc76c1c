// « À traiter » and « Mes tâches » are ordered by due date, the nearest first, then by priority (the
// filters' own order, docs/PROCESSES.md). Tasklist adds the order of its sorting menu after the filter's
// and, when the address names none, shows "Créée" (newest first) in that menu: the list a person sees
// said one order and followed another. Tasklist starts on the filters' order instead, so that the
// menu says what the list does; a person may still choose another order from it. Done inside Tasklist's
// own routing (a run block of its AngularJS module: custom scripts load before it starts), so that the
// address never changes behind its back.
const DUE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }, { sortBy: 'priority', sortOrder: 'desc' }]);

const angular = window.angular;
if (angular) {
  angular.module('cam.tasklist').run(['$rootScope', '$location', ($rootScope, $location) => {
    // Once the task list's route is shown (after sign-in): on the way to the sign-in page, changing the
    // address made Tasklist draw that page twice, and a person's first keys could land in the old one.
    $rootScope.$on('$routeChangeSuccess', () => {
      if ($location.path() === '/' && !$location.search().sorting) {
        $location.search('sorting', DUE_FIRST).replace();
      }
    });
  }]);
}

export default {};
