import { getGroups, searchGroups } from './groups';
import { searchRobotAccounts } from './robotAccounts';
import { getUsers, searchUsers } from './users';

/** Dropdown loaders (`loadOptionsMethod`), registered on the node as `methods.loadOptions`. */
export const loadOptions = { getGroups, getUsers };

/** "From list" searches of resource locators (`searchListMethod`), as `methods.listSearch`. */
export const listSearch = { searchGroups, searchRobotAccounts, searchUsers };
