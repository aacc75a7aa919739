
#include "header.h"

void predict_unit7(union Entry* data, float* result) {
  unsigned int tmp;
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2923998833)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)0.89509999752)) {
      result[0] += -0.20685099;
    } else {
      if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0078999996)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.4208999872)) {
          result[0] += -0.13436441;
        } else {
          result[0] += -0.004933371;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9240000248)) {
          result[0] += 0.009658095;
        } else {
          result[0] += -0.11143758;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.0061001778)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.1149001122)) {
        result[0] += -0.079072386;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3368999958)) {
          result[0] += 0.09349557;
        } else {
          result[0] += 0.009048513;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.215099335)) {
        result[0] += -0.15716109;
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8343999386)) {
          result[0] += 0.03428054;
        } else {
          result[0] += -0.09432536;
        }
      }
    }
  }
  if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.448999405)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.9247999191)) {
      result[1] += 0.08751475;
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.2244000435)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3569002151)) {
          result[1] += -0.0917148;
        } else {
          result[1] += 0.053747036;
        }
      } else {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)3.2070000172)) {
          result[1] += -0.14293079;
        } else {
          result[1] += -0.030737292;
        }
      }
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)40.379600525)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)34.103599548)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)37.396400452)) {
          result[1] += 0.07877198;
        } else {
          result[1] += 0.26733685;
        }
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1261999607)) {
          result[1] += -0.104184344;
        } else {
          result[1] += 0.05089399;
        }
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.757301331)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2452001572)) {
          result[1] += -0.12513514;
        } else {
          result[1] += 0.020328049;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.503799438)) {
          result[1] += 0.08240682;
        } else {
          result[1] += -0.020437986;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.7337999344)) {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.503799438)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5789999962)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1909999847)) {
          result[2] += -0.010735352;
        } else {
          result[2] += -0.15807632;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.3385999203)) {
          result[2] += 0.02620214;
        } else {
          result[2] += -0.15628219;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.315898895)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.638599396)) {
          result[2] += -0.027516602;
        } else {
          result[2] += 0.11403606;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.3615000248)) {
          result[2] += -0.19081223;
        } else {
          result[2] += -0.030687861;
        }
      }
    }
  } else {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.7095999718)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5146000385)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)12.534099579)) {
          result[2] += 0.0045420844;
        } else {
          result[2] += 0.09109553;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5328999758)) {
          result[2] += -0.13440086;
        } else {
          result[2] += 0.0062086047;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6079000235)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.734000206)) {
          result[2] += 0.20260818;
        } else {
          result[2] += 0.045443915;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9317998886)) {
          result[2] += 0.05063667;
        } else {
          result[2] += -0.17104034;
        }
      }
    }
  }
  if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.905799866)) {
    if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.7778999805)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)98.803703308)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.6461999416)) {
          result[3] += 0.040498413;
        } else {
          result[3] += 0.23663604;
        }
      } else {
        result[3] += -0.03304116;
      }
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)34.518013)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)30.688899994)) {
          result[3] += -0.017621739;
        } else {
          result[3] += -0.07691792;
        }
      } else {
        if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.1354000568)) {
          result[3] += 0.16733208;
        } else {
          result[3] += -0.0071945265;
        }
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.757301331)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)35.775100708)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)41.567401886)) {
          result[3] += 0.25274545;
        } else {
          result[3] += -0.0155545;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.2992999554)) {
          result[3] += 0.12392955;
        } else {
          result[3] += 0.033300836;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.543300629)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)106.65519714)) {
          result[3] += -0.043657478;
        } else {
          result[3] += -0.19472441;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)34.979999542)) {
          result[3] += 0.05074928;
        } else {
          result[3] += -0.014794982;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.12757953;
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5746999979)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)11.230899811)) {
        result[4] += 0.09574938;
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.1036999226)) {
          result[4] += -0.10310082;
        } else {
          result[4] += 0.005238807;
        }
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.484901428)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)7.5290999413)) {
          result[4] += 0.027613936;
        } else {
          result[4] += 0.14051789;
        }
      } else {
        result[4] += -0.021599961;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9258000851)) {
    if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.0720000267)) {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9012000561)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)96.142097473)) {
          result[5] += 0.113462925;
        } else {
          result[5] += -0.0028626164;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)38.290500641)) {
          result[5] += 0.02165273;
        } else {
          result[5] += -0.081795946;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5420000553)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.963600159)) {
          result[5] += -0.087567724;
        } else {
          result[5] += 0.07244061;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.2733999491)) {
          result[5] += 0.13954465;
        } else {
          result[5] += -0.0033832218;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.081099987)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.3692998886)) {
        result[5] += -0.13785264;
      } else {
        if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.119500041)) {
          result[5] += 0.060564917;
        } else {
          result[5] += -0.08432331;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)35.775100708)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)89.312797546)) {
          result[5] += 0.15255788;
        } else {
          result[5] += 0.008883414;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)39.046600342)) {
          result[5] += -0.07027969;
        } else {
          result[5] += 0.048644982;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.546200037)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.366300583)) {
      result[6] += -0.001622589;
    } else {
      result[6] += -0.13626327;
    }
  } else {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6521000862)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.402198792)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)32.353199005)) {
          result[6] += 0.022555605;
        } else {
          result[6] += 0.13671863;
        }
      } else {
        result[6] += 0.00049886917;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.9015002251)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.4145998955)) {
          result[6] += 0.021197498;
        } else {
          result[6] += -0.091312185;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6531000137)) {
          result[6] += -0.13230832;
        } else {
          result[6] += 0.029219797;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4963999987)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.1600999832)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.5848999023)) {
        result[7] += 0.06255684;
      } else {
        result[7] += -0.077464685;
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4512999058)) {
        result[7] += -0.13657773;
      } else {
        result[7] += -0.028968954;
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2572000027)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.296001434)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0320000648)) {
          result[7] += -0.07682847;
        } else {
          result[7] += 0.039916802;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4595999718)) {
          result[7] += -0.13419555;
        } else {
          result[7] += 0.007590405;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.5065000057)) {
        result[7] += -0.1275255;
      } else {
        result[7] += -0.016458761;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
    result[8] += -0.12402348;
  } else {
    if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.143199921)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.779201508)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)34.76499939)) {
          result[8] += 0.07174447;
        } else {
          result[8] += -0.072954446;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.1582000256)) {
          result[8] += 0.13194379;
        } else {
          result[8] += -0.0055137565;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.659301758)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.2557001114)) {
          result[8] += 0.026716743;
        } else {
          result[8] += -0.1301705;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)50.611000061)) {
          result[8] += -0.0042723995;
        } else {
          result[8] += 0.10305833;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.976600647)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.42440033)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5836000443)) {
          result[0] += -0.027976261;
        } else {
          result[0] += -0.15986088;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)84.922302246)) {
          result[0] += -0.045447238;
        } else {
          result[0] += 0.1373635;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.8127000332)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)3.9179999828)) {
          result[0] += 0.12616946;
        } else {
          result[0] += 0.018364094;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.8612000942)) {
          result[0] += 0.030084755;
        } else {
          result[0] += -0.031577937;
        }
      }
    }
  } else {
    result[0] += -0.12891626;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2347998619)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.246099472)) {
      result[1] += 0.11066618;
    } else {
      result[1] += -0.13879506;
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.020700455)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)34.120800018)) {
        result[1] += -0.03311723;
      } else {
        result[1] += -0.14012386;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)40.916500092)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.0394001007)) {
          result[1] += 0.13798042;
        } else {
          result[1] += -0.0030323416;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.470401764)) {
          result[1] += -0.07059106;
        } else {
          result[1] += 0.024509998;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9140000343)) {
    if (!(data[19].missing != -1) || (data[19].fvalue < (float)101.79139709)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.962100983)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.5520000458)) {
          result[2] += -0.03477203;
        } else {
          result[2] += -0.15844637;
        }
      } else {
        result[2] += 0.031821977;
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7425999641)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.4690999985)) {
          result[2] += -0.04370389;
        } else {
          result[2] += 0.15057784;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)34.384601593)) {
          result[2] += -0.09690503;
        } else {
          result[2] += -0.006089914;
        }
      }
    }
  } else {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.2065000534)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)37.128799438)) {
          result[2] += 0.0036116687;
        } else {
          result[2] += -0.14318591;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.866500854)) {
          result[2] += 0.06336107;
        } else {
          result[2] += -0.08424163;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6401000023)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2424998283)) {
          result[2] += -0.033434145;
        } else {
          result[2] += -0.17657639;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9133000374)) {
          result[2] += 0.103181206;
        } else {
          result[2] += -0.032139957;
        }
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.673599243)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9094998837)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1354000568)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0673000813)) {
          result[3] += -0.023562137;
        } else {
          result[3] += 0.19309434;
        }
      } else {
        result[3] += -0.11390615;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)38.261501312)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5377998352)) {
          result[3] += -0.11183872;
        } else {
          result[3] += 0.14244297;
        }
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.2016999722)) {
          result[3] += -0.18627027;
        } else {
          result[3] += -0.0066575985;
        }
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.753200531)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.062400818)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)105.19210052)) {
          result[3] += 0.016553732;
        } else {
          result[3] += -0.21563447;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)2.8831999302)) {
          result[3] += -0.10153868;
        } else {
          result[3] += 0.099969395;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.071300507)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.668701172)) {
          result[3] += -0.010492318;
        } else {
          result[3] += -0.10576177;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.622200012)) {
          result[3] += 0.068961695;
        } else {
          result[3] += -0.001059179;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.1248371;
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.0377001762)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.1937999725)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.605499268)) {
          result[4] += 0.10218222;
        } else {
          result[4] += -0.0347278;
        }
      } else {
        result[4] += -0.07376548;
      }
    } else {
      result[4] += 0.1107147;
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.8348999023)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3875999451)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.4250999689)) {
        result[5] += -0.035815347;
      } else {
        result[5] += 0.04083367;
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)3.2557001114)) {
        result[5] += -0.13321346;
      } else {
        result[5] += -0.013618165;
      }
    }
  } else {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.0946002007)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.543998718)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.503799438)) {
          result[5] += 0.049792703;
        } else {
          result[5] += -0.106165394;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.638500214)) {
          result[5] += 0.15445283;
        } else {
          result[5] += -0.019208908;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.073898315)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.940100193)) {
          result[5] += -0.12071157;
        } else {
          result[5] += 0.055797987;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.739299774)) {
          result[5] += 0.14202277;
        } else {
          result[5] += -0.015987558;
        }
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.0018999577)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7554998398)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)32.333400726)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7038002014)) {
          result[6] += -0.12592244;
        } else {
          result[6] += 0.034221813;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.3618001938)) {
          result[6] += -0.10146066;
        } else {
          result[6] += 0.05899232;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.089099884)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
          result[6] += 0.013455567;
        } else {
          result[6] += -0.13647433;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.7123000622)) {
          result[6] += -0.08376183;
        } else {
          result[6] += 0.06297274;
        }
      }
    }
  } else {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0808000565)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.1430997849)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)9.181599617)) {
          result[6] += 0.13381088;
        } else {
          result[6] += -0.022621553;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6569000483)) {
          result[6] += -0.071821146;
        } else {
          result[6] += 0.090798005;
        }
      }
    } else {
      result[6] += -0.11270241;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
    result[7] += 0.12562296;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)82.863998413)) {
        result[7] += -0.025006222;
      } else {
        result[7] += -0.13414602;
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.4899997711)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.1451001167)) {
          result[7] += 0.035548273;
        } else {
          result[7] += -0.1210808;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1254000664)) {
          result[7] += 0.029199362;
        } else {
          result[7] += -0.12997626;
        }
      }
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)44.07339859)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.519100189)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.03219986)) {
        result[8] += -0.10012071;
      } else {
        result[8] += 0.12465246;
      }
    } else {
      result[8] += -0.12721892;
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.043300629)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)41.242298126)) {
        result[8] += -0.07830709;
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.9093999863)) {
          result[8] += 0.1334036;
        } else {
          result[8] += 0.023144273;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.839298248)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)26.144500732)) {
          result[8] += 0.034458954;
        } else {
          result[8] += -0.12174312;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
          result[8] += 0.011569265;
        } else {
          result[8] += 0.10900137;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)0.89509999752)) {
        result[0] += -0.17680411;
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7177000046)) {
          result[0] += 0.023681795;
        } else {
          result[0] += -0.012797053;
        }
      }
    } else {
      result[0] += -0.12580456;
    }
  } else {
    result[0] += -0.12690207;
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4017000198)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.8008999825)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.4563000202)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5627999306)) {
          result[1] += -0.0841002;
        } else {
          result[1] += 0.14091012;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.4991002083)) {
          result[1] += -0.05764975;
        } else {
          result[1] += 0.062210813;
        }
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.104801178)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)34.151901245)) {
          result[1] += 0.04776186;
        } else {
          result[1] += 0.19704778;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.522899628)) {
          result[1] += -0.06488448;
        } else {
          result[1] += 0.06330369;
        }
      }
    }
  } else {
    result[1] += -0.12716249;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7961001396)) {
    result[2] += -0.13407311;
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.9815000296)) {
          result[2] += 0.019937802;
        } else {
          result[2] += -0.015137786;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
          result[2] += 0.0725946;
        } else {
          result[2] += -0.016748605;
        }
      }
    } else {
      result[2] += -0.13388851;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7323999405)) {
    if ( (data[19].missing != -1) && (data[19].fvalue < (float)87.205001831)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4594999552)) {
        result[3] += 0.109138675;
      } else {
        result[3] += -0.0828671;
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.1387000084)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.0317997932)) {
          result[3] += -0.19547227;
        } else {
          result[3] += -0.041517455;
        }
      } else {
        result[3] += 0.014173088;
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.6254000664)) {
      result[3] += -0.13212448;
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.4749000072)) {
        result[3] += -0.1334043;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4049999714)) {
          result[3] += 0.04239228;
        } else {
          result[3] += -0.0002762861;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.12185206;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)43.881900787)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0232000351)) {
        result[4] += -0.07201826;
      } else {
        result[4] += 0.021732442;
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.587898254)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.543701172)) {
          result[4] += 0.13796896;
        } else {
          result[4] += 0.05193611;
        }
      } else {
        result[4] += -0.04023593;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.056301117)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.727699995)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)86.459503174)) {
        result[5] += 0.11121797;
      } else {
        result[5] += -0.05484009;
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6734000444)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.5304999352)) {
          result[5] += -0.03960865;
        } else {
          result[5] += -0.14251727;
        }
      } else {
        result[5] += -0.0060026976;
      }
    }
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.71049881)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.034301758)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)36.998001099)) {
          result[5] += 0.10574463;
        } else {
          result[5] += -0.032054;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.0377001762)) {
          result[5] += 0.20417729;
        } else {
          result[5] += 0.04220082;
        }
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.08649826)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8492999077)) {
          result[5] += -0.007952681;
        } else {
          result[5] += -0.119841956;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)41.837200165)) {
          result[5] += 0.1135613;
        } else {
          result[5] += -0.033365525;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.6168999672)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.923899889)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.1764998436)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.4112000465)) {
          result[6] += -0.13676015;
        } else {
          result[6] += 0.03250759;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.185901642)) {
          result[6] += 0.06526915;
        } else {
          result[6] += -0.09470212;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7946999073)) {
        result[6] += 0.022804935;
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.2132999897)) {
          result[6] += -0.14620945;
        } else {
          result[6] += 0.02751056;
        }
      }
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.0018999577)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.644299984)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.660900116)) {
          result[6] += -0.065580875;
        } else {
          result[6] += 0.0367375;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4033999443)) {
          result[6] += -0.13524209;
        } else {
          result[6] += 0.06130311;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0090999603)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.016100049)) {
          result[6] += -0.03496921;
        } else {
          result[6] += 0.120277554;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5219999552)) {
          result[6] += -0.11578853;
        } else {
          result[6] += 0.03677395;
        }
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8681999445)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)32.961601257)) {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.258300066)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.8000001907)) {
          result[7] += 0.025924463;
        } else {
          result[7] += -0.07861335;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5048999786)) {
          result[7] += -0.13300394;
        } else {
          result[7] += -0.035681404;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5243999958)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9686000347)) {
          result[7] += -0.041380305;
        } else {
          result[7] += -0.15068248;
        }
      } else {
        result[7] += 0.008080511;
      }
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.1451001167)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9813001156)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.5274000168)) {
          result[7] += 0.030553117;
        } else {
          result[7] += 0.15744814;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0236001015)) {
          result[7] += 0.1035602;
        } else {
          result[7] += -0.09364711;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9124999046)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.5305995941)) {
          result[7] += -0.1538588;
        } else {
          result[7] += 0.023134764;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.7337999344)) {
          result[7] += 0.019043952;
        } else {
          result[7] += 0.10566781;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.0535998344)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2051000595)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.4475998878)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.2447999716)) {
          result[8] += 0.12465178;
        } else {
          result[8] += -0.031428356;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)47.229801178)) {
          result[8] += -0.019146094;
        } else {
          result[8] += 0.062308848;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)47.444999695)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)42.177600861)) {
          result[8] += -0.11028241;
        } else {
          result[8] += -0.018807054;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.497600555)) {
          result[8] += 0.090439424;
        } else {
          result[8] += 0.0039413003;
        }
      }
    }
  } else {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.793998718)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)42.177600861)) {
        result[8] += -0.13113073;
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.553199768)) {
          result[8] += 0.023130028;
        } else {
          result[8] += -0.049545478;
        }
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.675998688)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.108700037)) {
          result[8] += 0.115202524;
        } else {
          result[8] += 0.02297155;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)53.730701447)) {
          result[8] += -0.08756522;
        } else {
          result[8] += 0.07496179;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0683000088)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.2389998436)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.290699005)) {
          result[0] += 0.0465523;
        } else {
          result[0] += -0.024862662;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)82.333000183)) {
          result[0] += -0.13615918;
        } else {
          result[0] += 0.06573441;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2107000351)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.257900238)) {
          result[0] += 0.058159593;
        } else {
          result[0] += -0.052995536;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.5032000542)) {
          result[0] += -0.082691714;
        } else {
          result[0] += 0.09564396;
        }
      }
    }
  } else {
    result[0] += -0.12548387;
  }
  if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.675498962)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.492900848)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.8008999825)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.4951000214)) {
          result[1] += -0.0024365054;
        } else {
          result[1] += -0.10888931;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)95.698699951)) {
          result[1] += -0.020206057;
        } else {
          result[1] += 0.08522835;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3705999851)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2964000702)) {
          result[1] += -0.079636365;
        } else {
          result[1] += 0.2299491;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.543899536)) {
          result[1] += -0.13054119;
        } else {
          result[1] += 0.0010345819;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.985298157)) {
      result[1] += 0.16531746;
    } else {
      result[1] += 0.00686867;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.7337999344)) {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.4505000114)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1454000473)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7961001396)) {
          result[2] += -0.12958458;
        } else {
          result[2] += 0.028024344;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.2537999153)) {
          result[2] += -0.16114104;
        } else {
          result[2] += 0.029422294;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9210999012)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.2051000595)) {
          result[2] += -0.06438338;
        } else {
          result[2] += 0.09559037;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7323999405)) {
          result[2] += 0.06924933;
        } else {
          result[2] += -0.19221446;
        }
      }
    }
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2720999718)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.7095999718)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.905799866)) {
          result[2] += 0.032842193;
        } else {
          result[2] += -0.0057542846;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6079000235)) {
          result[2] += 0.18043134;
        } else {
          result[2] += -0.04229621;
        }
      }
    } else {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.9667000771)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.8157999516)) {
          result[2] += 0.24133219;
        } else {
          result[2] += 0.05569423;
        }
      } else {
        result[2] += 0.00065347226;
      }
    }
  }
  if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.486801147)) {
    if (!(data[10].missing != -1) || (data[10].fvalue < (float)34.979999542)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.849201202)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7568000555)) {
          result[3] += -0.008577388;
        } else {
          result[3] += -0.10540892;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)31.536699295)) {
          result[3] += 0.13134114;
        } else {
          result[3] += 0.013121622;
        }
      }
    } else {
      if (!(data[5].missing != -1) || (data[5].fvalue < (float)0.98960000277)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.260800004)) {
          result[3] += 0.07287626;
        } else {
          result[3] += -0.1904585;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.474100113)) {
          result[3] += -0.0022882875;
        } else {
          result[3] += -0.11232436;
        }
      }
    }
  } else {
    if (!(data[8].missing != -1) || (data[8].fvalue < (float)29.403999329)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)109.75099945)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)27.931499481)) {
          result[3] += 0.12799756;
        } else {
          result[3] += 0.27356574;
        }
      } else {
        result[3] += -0.06324615;
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0659000874)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7197999954)) {
          result[3] += -0.10895213;
        } else {
          result[3] += 0.0481984;
        }
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.1103999615)) {
          result[3] += 0.14183834;
        } else {
          result[3] += -0.09317961;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.11865192;
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2948000431)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.590299964)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.1126000881)) {
          result[4] += -0.08772625;
        } else {
          result[4] += 0.011333623;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9505000114)) {
          result[4] += -0.028120674;
        } else {
          result[4] += 0.115333505;
        }
      }
    } else {
      result[4] += 0.11210046;
    }
  }
  if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0381000042)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)40.846298218)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
        result[5] += 0.02520054;
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.0987000465)) {
          result[5] += -0.034215458;
        } else {
          result[5] += -0.1316491;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)37.662498474)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.1125998497)) {
          result[5] += 0.03374403;
        } else {
          result[5] += 0.14997743;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.446498871)) {
          result[5] += -0.051155813;
        } else {
          result[5] += 0.047449652;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.2989997864)) {
      result[5] += -0.13146938;
    } else {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)96.499603271)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0795001984)) {
          result[5] += -0.046199586;
        } else {
          result[5] += 0.09812986;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1377999783)) {
          result[5] += 0.052721754;
        } else {
          result[5] += -0.11678258;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.546200037)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.366300583)) {
      result[6] += -0.0015297761;
    } else {
      result[6] += -0.13302876;
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.9107999802)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6676001549)) {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.3264000416)) {
          result[6] += -0.004993885;
        } else {
          result[6] += 0.10594108;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.90260005)) {
          result[6] += -0.094916075;
        } else {
          result[6] += 0.031310443;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0429000854)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.013900757)) {
          result[6] += 0.06713736;
        } else {
          result[6] += -0.074756876;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8269000053)) {
          result[6] += -0.11252718;
        } else {
          result[6] += 0.041004635;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5535000563)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0705000162)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4963999987)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.497699738)) {
          result[7] += 0.033879463;
        } else {
          result[7] += -0.10113006;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.235699892)) {
          result[7] += 0.0130769005;
        } else {
          result[7] += 0.08086665;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5048999786)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.522899628)) {
          result[7] += -0.14027305;
        } else {
          result[7] += 0.0061158384;
        }
      } else {
        result[7] += 0.013717669;
      }
    }
  } else {
    if ( (data[19].missing != -1) && (data[19].fvalue < (float)94.852600098)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)34.642799377)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7531000376)) {
          result[7] += -0.13314997;
        } else {
          result[7] += 0.015039589;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.2217001915)) {
          result[7] += 0.09160939;
        } else {
          result[7] += -0.034172107;
        }
      }
    } else {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.0071001053)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7130999565)) {
          result[7] += -0.061606713;
        } else {
          result[7] += 0.0648118;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.4309999943)) {
          result[7] += -0.11070721;
        } else {
          result[7] += 0.11298264;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5627999306)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
      result[8] += -0.10356065;
    } else {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)34.465198517)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.4071998596)) {
          result[8] += 0.0873092;
        } else {
          result[8] += -0.04963941;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.08397524;
        } else {
          result[8] += 0.060876887;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.8022995)) {
      result[8] += -0.11158913;
    } else {
      result[8] += 0.047539435;
    }
  }
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2787001133)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0923000574)) {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1321001053)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)92.146003723)) {
          result[0] += -0.05422942;
        } else {
          result[0] += 0.023417894;
        }
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1147999763)) {
          result[0] += -0.050912738;
        } else {
          result[0] += -0.17809303;
        }
      }
    } else {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.6403999329)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.5760002136)) {
          result[0] += 0.023450237;
        } else {
          result[0] += -0.040028367;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)108.12590027)) {
          result[0] += 0.15540582;
        } else {
          result[0] += 0.03128775;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.0061001778)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.9105000496)) {
        result[0] += -0.04909563;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3296000957)) {
          result[0] += 0.09708338;
        } else {
          result[0] += 0.01597476;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)43.163799286)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.690601349)) {
          result[0] += -0.011011252;
        } else {
          result[0] += -0.16210419;
        }
      } else {
        result[0] += 0.011842703;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.4338998795)) {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7906999588)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2347998619)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5789999962)) {
          result[1] += -0.07794103;
        } else {
          result[1] += 0.042670514;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5037000179)) {
          result[1] += 0.16005738;
        } else {
          result[1] += -0.008956314;
        }
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.3067998886)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.8973999023)) {
          result[1] += -0.15681073;
        } else {
          result[1] += -0.010086628;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.115898132)) {
          result[1] += 0.023427047;
        } else {
          result[1] += 0.14852822;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2534000874)) {
      result[1] += 0.13209166;
    } else {
      result[1] += 0.008579805;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.35779953)) {
    if (!(data[10].missing != -1) || (data[10].fvalue < (float)30.063699722)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)35.163700104)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.2280000448)) {
          result[2] += 0.08266871;
        } else {
          result[2] += -0.1053184;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)37.662498474)) {
          result[2] += 0.12936914;
        } else {
          result[2] += -0.04831084;
        }
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.753200531)) {
        if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.2251000404)) {
          result[2] += -0.2212568;
        } else {
          result[2] += 0.051165514;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1454000473)) {
          result[2] += -0.0045414795;
        } else {
          result[2] += -0.09335932;
        }
      }
    }
  } else {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.0043001175)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2135000229)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.3383998871)) {
          result[2] += -0.15747616;
        } else {
          result[2] += 0.009150091;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6047999859)) {
          result[2] += 0.10895914;
        } else {
          result[2] += -0.07097131;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3671998978)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5176999569)) {
          result[2] += 0.00055455364;
        } else {
          result[2] += 0.08635133;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)112.31009674)) {
          result[2] += -0.013236667;
        } else {
          result[2] += 0.09142497;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0415999889)) {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.3264000416)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2964999676)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.6372003555)) {
          result[3] += -0.10438692;
        } else {
          result[3] += 0.034685105;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.3801999092)) {
          result[3] += 0.24347258;
        } else {
          result[3] += -0.036606703;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)39.378601074)) {
        result[3] += -0.00015176758;
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.4660000801)) {
          result[3] += -0.013357411;
        } else {
          result[3] += -0.18686561;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.411899567)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.928600311)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.062999725)) {
          result[3] += 0.004454602;
        } else {
          result[3] += 0.114529915;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.1317999363)) {
          result[3] += -0.07024928;
        } else {
          result[3] += 0.046092823;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0739998817)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1531000137)) {
          result[3] += 0.09963044;
        } else {
          result[3] += -0.032086227;
        }
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.1052000523)) {
          result[3] += 0.1937733;
        } else {
          result[3] += -0.031650703;
        }
      }
    }
  }
  if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.0377001762)) {
    if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6569000483)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.1884999275)) {
        result[4] += -0.11829082;
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.0278000832)) {
          result[4] += -0.071830735;
        } else {
          result[4] += 0.05276474;
        }
      }
    } else {
      result[4] += 0.045523345;
    }
  } else {
    result[4] += 0.10257837;
  }
  if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7482000589)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.2357000113)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.9667000771)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8550000191)) {
          result[5] += 0.06834258;
        } else {
          result[5] += -0.063241415;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
          result[5] += 0.073249504;
        } else {
          result[5] += -0.0943283;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.2893999815)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.8811998367)) {
          result[5] += -0.013561373;
        } else {
          result[5] += 0.07219605;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.4801998138)) {
          result[5] += -0.024430564;
        } else {
          result[5] += -0.12496028;
        }
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.877300024)) {
      result[5] += -0.063209906;
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0395998955)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.8150000572)) {
          result[5] += 0.12349773;
        } else {
          result[5] += 0.0110581;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9453999996)) {
          result[5] += 0.0640518;
        } else {
          result[5] += -0.065834574;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1047000885)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7589001656)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)107.94069672)) {
        result[6] += -0.13299437;
      } else {
        result[6] += 0.0057854475;
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8940000534)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.1972000599)) {
          result[6] += -0.093831345;
        } else {
          result[6] += 0.060598347;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6269999743)) {
          result[6] += -0.11782696;
        } else {
          result[6] += 0.008493301;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3633000851)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7344999313)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.1491999626)) {
          result[6] += 0.04918345;
        } else {
          result[6] += -0.03163772;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1820001602)) {
          result[6] += -0.14324239;
        } else {
          result[6] += -0.02648292;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0725998878)) {
        result[6] += 0.11219672;
      } else {
        result[6] += -0.07250608;
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8681999445)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.258300066)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.016100049)) {
          result[7] += -0.014533552;
        } else {
          result[7] += -0.12785763;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1588001251)) {
          result[7] += 0.014889606;
        } else {
          result[7] += -0.12066095;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.99239999056)) {
        result[7] += -0.023335248;
      } else {
        result[7] += -0.13104297;
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)31.246099472)) {
      result[7] += -0.1135265;
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.8050999641)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)110.46389771)) {
          result[7] += 0.09682087;
        } else {
          result[7] += -0.08292824;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.6085000038)) {
          result[7] += -0.10509641;
        } else {
          result[7] += 0.03065286;
        }
      }
    }
  }
  if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.736198425)) {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.03219986)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)28.682699203)) {
        result[8] += 0.033351615;
      } else {
        result[8] += -0.1374659;
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.018901825)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.7407999039)) {
          result[8] += 0.14420503;
        } else {
          result[8] += 0.0072318376;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.664199829)) {
          result[8] += -0.123619914;
        } else {
          result[8] += 0.06748799;
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)39.322898865)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.951499939)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.2839000225)) {
          result[8] += 0.13717614;
        } else {
          result[8] += 0.011065239;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)47.851501465)) {
          result[8] += -0.07161379;
        } else {
          result[8] += 0.07674241;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)52.633399963)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.639598846)) {
          result[8] += -0.025818478;
        } else {
          result[8] += -0.11876155;
        }
      } else {
        result[8] += 0.08082186;
      }
    }
  }
}

