/**
 * Appended to the description of every window-staff route of a hall (windows and ticket actions): who may act and
 * on which halls. A window terminal is a person at the window or a hall:run system (the hall's own kiosk and
 * display software); the hall in the path must be one of the caller's tenant's.
 */
export const HALL_STAFF_NOTE =
  ' 窗口人员（front-desk、hall-manager）或持 hall:run 权限的系统；仅限本租户的大厅，他租户的大厅返回 404 HALL_NOT_FOUND。' +
  ' Window staff (front-desk, hall-manager) or a hall:run key; the hall must be one of the caller’s tenant’s halls,' +
  ' another tenant’s answers 404 HALL_NOT_FOUND as an unknown one does.';
