console.log("dyn_target evaluated");
export const value = "dynamic";
export default "dyn default";
