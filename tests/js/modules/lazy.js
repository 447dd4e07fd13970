let initialized = 0;
module.exports = function make(prefix) {
  initialized++;
  return { greet: name => `${prefix} ${name}`, times: () => initialized };
};
