import { getGroups, searchGroups } from './groups';
import { searchUsers } from './users';

/** Dropdown loaders (`loadOptionsMethod`), registered on the node as `methods.loadOptions`. */
export const loadOptions = { getGroups };

/** "From list" searches of resource locators (`searchListMethod`), as `methods.listSearch`. */
export const listSearch = { searchGroups, searchUsers };
